package org.twinflow.system.web;

import java.beans.PropertyEditorSupport;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * What every form of the portal accepts, in one place: text per {@link AcceptedText} (a field with other
 * characters gets the error {@code typeMismatch} next to it and the form comes back as typed; whitespace alone, in
 * any script, counts as nothing typed), whole numbers in decimal digits ({@link WholeNumberEditor}), and rows only
 * within the form's own (an index no form renders, such as {@code partners[300].cityName} or {@code sdgs[-1]}, is a
 * request no person made: 400 with a message, nothing stored).
 */
@ControllerAdvice
class PortalInputAdvice {

    /**
     * More rows than any form of the portal has: rows up to this are bound, so that a form's own limit
     * (at most 15 partner cities) is reported next to the rows with everything kept.
     */
    static final int MAX_ROWS = 50;

    private static final Logger log = LoggerFactory.getLogger(PortalInputAdvice.class);

    @InitBinder
    void acceptOnlyWhatFormsSend(WebDataBinder binder, WebRequest request) {
        // First: the limit can only be set before the binder's property access is initialised.
        binder.setAutoGrowCollectionLimit(MAX_ROWS);
        binder.registerCustomEditor(String.class, new AcceptedTextEditor());
        binder.registerCustomEditor(Integer.class, new WholeNumberEditor(Integer::valueOf));
        binder.registerCustomEditor(Long.class, new WholeNumberEditor(Long::valueOf));
        String outside = RowIndexes.firstOutside(request, MAX_ROWS);
        if (outside != null) {
            // Spring's binder reads a list at a negative index before it checks it (IndexOutOfBoundsException, a 500)
            throw new InvalidPropertyException(Object.class, outside, "Row index outside 0.." + (MAX_ROWS - 1));
        }
    }

    @ExceptionHandler(InvalidPropertyException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String rowNotInForm(InvalidPropertyException refused, HttpServletRequest request, Model model) {
        log.info("Request to {} refused: field {} is not on the form ({})", request.getRequestURI(), refused.getPropertyName(),
                refused.getMessage());
        return badRequest(model, "error.badRequest.rows");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String parameterNotAccepted(MethodArgumentTypeMismatchException refused, HttpServletRequest request, Model model) {
        log.info("Request to {} refused: parameter {} not accepted", request.getRequestURI(), refused.getName());
        return badRequest(model, "error.badRequest.text");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    @ResponseStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
    String notAForm(HttpMediaTypeNotSupportedException refused, HttpServletRequest request, Model model) {
        log.info("Request to {} refused: a {} body, not a form", request.getRequestURI(), refused.getContentType());
        model.addAttribute("status", HttpStatus.UNSUPPORTED_MEDIA_TYPE.value());
        model.addAttribute("problem", "error.unsupportedMediaType");
        return "error";
    }

    @ExceptionHandler(SubmitOnce.FormAlreadyUsedException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String formAlreadyUsed(SubmitOnce.FormAlreadyUsedException refused, HttpServletRequest request, Model model) {
        log.info("Request to {} refused: {}", request.getRequestURI(), refused.getMessage());
        model.addAttribute("status", HttpStatus.CONFLICT.value());
        model.addAttribute("problem", "error.conflict.formUsed");
        return "error";
    }

    private static String badRequest(Model model, String problemKey) {
        model.addAttribute("status", HttpStatus.BAD_REQUEST.value());
        model.addAttribute("problem", problemKey);
        return "error";
    }

    /**
     * Refuses text with characters that are not accepted; Spring reports that as {@code typeMismatch} on the field.
     * Text of whitespace alone is bound as empty: {@code @NotBlank} trims only ASCII spaces and controls, so without this
     * it let through an ideographic or other Unicode space, which the forms' {@code strip()} then stored as nothing.
     */
    static final class AcceptedTextEditor extends PropertyEditorSupport {

        @Override
        public void setAsText(String text) {
            int refused = text == null ? -1 : AcceptedText.firstRefused(text);
            if (refused >= 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "character U+%04X at %d is not accepted",
                        text.codePointAt(refused), refused));
            }
            setValue(text != null && text.isBlank() ? "" : text);
        }

        @Override
        public String getAsText() {
            Object value = getValue();
            return value == null ? "" : value.toString();
        }
    }
}
