package org.twinflow.portal;

import org.springframework.web.multipart.MultipartFile;

/** The signed partnership agreement (PDF); required, checked by the controller and {@code DocumentService}. */
public class ApplicantActionAgreementForm {

    private MultipartFile file;

    public MultipartFile getFile() { return file; }
    public void setFile(MultipartFile file) { this.file = file; }
}
