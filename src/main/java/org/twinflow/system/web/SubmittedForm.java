package org.twinflow.system.web;

/**
 * A form whose sending changes something: it carries the id that lets {@link SubmitOnce} do its work
 * only once. A new form object gets a fresh id; a form shown again with errors keeps the one it was sent with.
 */
public abstract class SubmittedForm {

    private String submissionId = SubmitOnce.newSubmissionId();

    public String getSubmissionId() { return submissionId; }
    public void setSubmissionId(String submissionId) { this.submissionId = submissionId; }
}
