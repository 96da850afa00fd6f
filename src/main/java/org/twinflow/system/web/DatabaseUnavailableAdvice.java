package org.twinflow.system.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * The database cannot be reached (stopped, restarting, the network cut): the person gets a page that says so and to try
 * again, with 503 and Retry-After, never a stack trace. Nothing was stored: the request's transaction never began or
 * was rolled back. The pool finds the database again by itself when it returns (docs/reliability.md).
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailableAdvice {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableAdvice.class);
    static final String RETRY_AFTER_SECONDS = "30";

    /**
     * No connection to be had, or the connection lost in the middle of the request (then its rollback fails too, which
     * Spring reports as a TransactionSystemException): any other failure goes on to the ordinary error page.
     */
    @ExceptionHandler({CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
            RecoverableDataAccessException.class, TransactionSystemException.class})
    String databaseUnavailable(Exception unavailable, HttpServletRequest request, HttpServletResponse response, Model model)
            throws Exception {
        if (!connectionLost(unavailable)) {
            throw unavailable;
        }
        log.warn("Request to {} answered 503: the database cannot be reached ({})", request.getRequestURI(), unavailable.getMessage());
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        model.addAttribute("status", HttpStatus.SERVICE_UNAVAILABLE.value());
        model.addAttribute("problem", "error.unavailable.database");
        return "error";
    }

    /** A lost connection is the failure or one of its causes, however deeply the engine or a filter wrapped it. */
    static boolean causedByLostConnection(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (connectionLost(cause)) {
                return true;
            }
        }
        return false;
    }

    static boolean connectionLost(Throwable failure) {
        if (failure instanceof CannotCreateTransactionException || failure instanceof DataAccessResourceFailureException
                || failure instanceof RecoverableDataAccessException) {
            return true;
        }
        // the connection broke during the work, so the rollback failed too: what broke the work tells
        if (failure instanceof TransactionSystemException rollbackFailed && rollbackFailed.getApplicationException() != null
                && connectionLost(rollbackFailed.getApplicationException())) {
            return true;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLRecoverableException || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08"))) {
                return true;
            }
        }
        return false;
    }
}
