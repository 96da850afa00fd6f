-- Indexes Camunda 7.24's schema lacks (docs/performance-task-queries.md). Runs after the engine has created its
-- tables (EngineSchemaMigrations); names start with TW_ so that they never collide with Camunda's own.

-- Completing a task looks up its sub-tasks (selectTasksByParentTaskId): without this, a scan of every open task.
create index TW_IDX_TASK_PARENT on ACT_RU_TASK(PARENT_TASK_ID_);

-- Tasklist's filters and GET /task sort by due date: with this, a page of 15 reads about 15 tasks in order
-- instead of sorting every matching task.
create index TW_IDX_TASK_DUE_DATE on ACT_RU_TASK(DUE_DATE_);

-- Most filters select task definition keys: a filter whose tasks are few (Assign reviewers) finds them here
-- instead of reading the due-date order until it has 15.
create index TW_IDX_TASK_KEY_DUE on ACT_RU_TASK(TASK_DEF_KEY_, DUE_DATE_);
