package org.twinflow.system.security.signin;

/** How someone signed in: the portal's sign-in form or HTTP Basic on the REST API. */
public enum SignInChannel {
    FORM, BASIC
}
