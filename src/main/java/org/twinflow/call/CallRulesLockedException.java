package org.twinflow.call;

/** A change the call no longer allows (its rules after a submission, its dates once published, a closed call's deadline). */
public class CallRulesLockedException extends RuntimeException {

    public CallRulesLockedException(String message) {
        super(message);
    }
}
