package org.twinflow.followup;

import org.twinflow.process.FormChoice;

/** What the secretariat does when the signed agreement is late (form handle-overdue-agreement). */
public enum OverdueAgreementAction implements FormChoice {
    EXTEND("extend"),
    CANCEL("cancel");

    private final String value;

    OverdueAgreementAction(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
