package org.twinflow.portal.call;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.twinflow.call.CallNotFoundException;

/** A call nobody may see here (unknown, or not published for the public and cities): 404, as for any unknown page. */
@ControllerAdvice
class CallNotFoundAdvice {

    @ExceptionHandler(CallNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String callNotFound(Model model) {
        model.addAttribute("status", HttpStatus.NOT_FOUND.value());
        return "error";
    }
}
