package org.twinflow.account;

/** Another account already signs in with this e-mail address. */
class EmailTakenException extends RuntimeException {

    EmailTakenException() {
        super("This e-mail address already has an account");
    }
}
