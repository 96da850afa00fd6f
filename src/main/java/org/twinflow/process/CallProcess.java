package org.twinflow.process;

/** Names shared between {@code processes/call-for-proposals.bpmn}, its forms and the Java code. */
public final class CallProcess {

    public static final String PROCESS_KEY = "call-for-proposals";

    private CallProcess() {
    }

    /** Element ids that code and tests refer to. */
    public static final class Elements {
        public static final String EVENT_CALL_OPENS = "Event_CallOpens";
        public static final String TASK_TAKE_SUBMISSIONS = "Task_TakeSubmissions";
        public static final String EVENT_DEADLINE_REACHED = "Event_DeadlineReached";
        public static final String EVENT_SEVEN_DAYS_BEFORE_CLOSING = "Event_SevenDaysBeforeClosing";
        public static final String EVENT_ONE_DAY_BEFORE_CLOSING = "Event_OneDayBeforeClosing";
        public static final String TASK_FUND_PROPOSALS = "Task_FundProposals";
        public static final String TASK_APPROVE_RESERVE_PROPOSAL = "Task_ApproveReserveProposal";

        private Elements() {
        }
    }

    /** Messages to a call's process, correlated by business key (= the call's reference). */
    public static final class Messages {
        /** The secretariat moved the deadline later; carries the new {@link Vars#CLOSES_AT}. */
        public static final String DEADLINE_EXTENDED = "CallDeadlineExtended";
        /** A proposal of the call finished its review, or ended before (ineligible, withdrawn). */
        public static final String PROPOSAL_SETTLED = "CallProposalSettled";
        /** A funded partnership of the call was cancelled: its money is free again. */
        public static final String FUNDS_FREED = "CallFundsFreed";

        private Messages() {
        }
    }

    public static final class Vars {
        public static final String CALL_ID = "callId";
        public static final String CALL_REFERENCE = "callReference";
        public static final String CALL_TITLE = "callTitle";
        /** {@code COMPETITIVE} or {@code ROLLING} (CallMode). */
        public static final String CALL_MODE = "callMode";
        /** Dates (java.util.Date) the timers read. */
        public static final String OPENS_AT = "opensAt";
        public static final String CLOSES_AT = "closesAt";

        private Vars() {
        }
    }
}
