package org.twinflow.portal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.web.multipart.MultipartFile;
import org.twinflow.system.web.SubmittedForm;

/** The applicant's answer to a clarification request, with an optional PDF. */
public class ApplicantActionClarificationForm extends SubmittedForm {

    static final int MAX_ANSWER = 10_000;

    @NotBlank(message = "{page.clarification.answer.required}")
    @Size(max = MAX_ANSWER, message = "{page.clarification.answer.tooLong}")
    private String answer;

    private MultipartFile attachment;

    public String getAnswer() { return answer; }
    public void setAnswer(String answer) { this.answer = answer; }
    public MultipartFile getAttachment() { return attachment; }
    public void setAttachment(MultipartFile attachment) { this.attachment = attachment; }
}
