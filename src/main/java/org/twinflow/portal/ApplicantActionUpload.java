package org.twinflow.portal;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.web.multipart.MultipartFile;

/** A file the applicant chose, read into memory; {@code null} from {@link #of} when no file was chosen. */
public record ApplicantActionUpload(String fileName, byte[] content) {

    public static ApplicantActionUpload of(MultipartFile file) {
        if (file == null) {
            return null;
        }
        String name = file.getOriginalFilename();
        if (file.isEmpty() && (name == null || name.isBlank())) {
            return null;
        }
        try {
            return new ApplicantActionUpload(name, file.getBytes());
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
