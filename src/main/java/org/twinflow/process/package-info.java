/**
 * Process plumbing that every stage shares and none owns: the names the BPMN files, the Camunda Forms and
 * the code agree on ({@link org.twinflow.process.ProposalProcess}), reading and refusing what a staff member
 * entered in a form ({@link org.twinflow.process.TaskInput}, with the options of each choice as enums that
 * implement {@link org.twinflow.process.FormChoice}), and JSON variables. It depends on Camunda only, never on
 * a stage, so that a stage reads task input without importing another stage.
 */
package org.twinflow.process;
