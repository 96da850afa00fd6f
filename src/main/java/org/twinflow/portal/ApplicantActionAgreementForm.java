package org.twinflow.portal;

import org.springframework.web.multipart.MultipartFile;
import org.twinflow.system.web.SubmittedForm;

/** The signed partnership agreement (PDF); required, checked by the controller and {@code DocumentService}. */
public class ApplicantActionAgreementForm extends SubmittedForm {

    private MultipartFile file;

    public MultipartFile getFile() { return file; }
    public void setFile(MultipartFile file) { this.file = file; }
}
