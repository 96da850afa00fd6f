package org.twinflow.process;

/**
 * One option of a choice in a Camunda Form: {@link #value()} is what the form sends (its {@code values[].value}).
 * The enums implementing it are the single list of options that forms, listeners and tests share;
 * {@code FormChoicesTest} holds each form's options to its enum.
 */
public interface FormChoice {

    String value();
}
