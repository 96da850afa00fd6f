package org.twinflow.call;

/** No call with this reference (or not one the asker may see: an unpublished call for the public). */
public class CallNotFoundException extends RuntimeException {

    public CallNotFoundException(String reference) {
        super("No call " + reference);
    }
}
