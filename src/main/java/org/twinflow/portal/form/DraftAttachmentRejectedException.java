package org.twinflow.portal.form;

import org.twinflow.document.DocumentRejectedException;

/** An attachment of the proposal form was refused; says which file input it came from, so the form can show it there. */
class DraftAttachmentRejectedException extends RuntimeException {

    private final String field;
    private final transient DocumentRejectedException reason;

    DraftAttachmentRejectedException(String field, DocumentRejectedException reason) {
        super(reason.getMessage(), reason);
        this.field = field;
        this.reason = reason;
    }

    String field() {
        return field;
    }

    /** The error code for the form: {@code document.notPdf} etc. become {@code proposalForm.document.notPdf}. */
    String messageKey() {
        return "proposalForm." + reason.getMessageKey();
    }

    Object[] arguments() {
        return reason.getArguments();
    }
}
