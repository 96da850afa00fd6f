package org.twinflow.document;

/** An upload that is not stored: not a PDF, too large, or over the proposal's total. The message key says why. */
public class DocumentRejectedException extends RuntimeException {

    private final String messageKey;
    private final Object[] arguments;

    public DocumentRejectedException(String messageKey, String message, Object... arguments) {
        super(message);
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    /** Key in the message bundle: document.notPdf, document.tooLarge, document.totalTooLarge, document.empty. */
    public String getMessageKey() {
        return messageKey;
    }

    public Object[] getArguments() {
        return arguments;
    }
}
