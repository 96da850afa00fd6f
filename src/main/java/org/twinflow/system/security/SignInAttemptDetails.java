package org.twinflow.system.security;

import java.io.Serializable;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.twinflow.system.security.signin.SignInChannel;

/**
 * Where a sign-in comes from, for the throttle: the client's address (the real client's behind a reverse
 * proxy, see {@code server.forward-headers-strategy}) and the channel. Kept in the session with the
 * authentication, hence serializable.
 */
record SignInAttemptDetails(String clientAddress, SignInChannel channel) implements Serializable {

    static AuthenticationDetailsSource<HttpServletRequest, SignInAttemptDetails> from(SignInChannel channel) {
        return request -> new SignInAttemptDetails(request.getRemoteAddr(), channel);
    }
}
