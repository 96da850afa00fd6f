package org.twinflow.system.web;

import java.util.List;

/**
 * A form object that knows the order in which its page shows the fields, so that its error summary
 * reads from the top of the page to the bottom ({@link FormErrors}). Paths are property paths without
 * indices: {@code "partners"} for a list (its own errors, shown above the rows), {@code "partners[].cityName"}
 * for a field of each row. A list's rows come in row order, each row's fields in the order given.
 */
public interface PageOrder {

    List<String> fieldsInPageOrder();
}
