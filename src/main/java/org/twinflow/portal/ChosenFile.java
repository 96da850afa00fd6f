package org.twinflow.portal;

import org.springframework.web.multipart.MultipartFile;
import org.twinflow.document.Upload;

/** The file chosen in a file input of a portal form, or {@code null} when none was chosen. */
public final class ChosenFile {

    private ChosenFile() {
    }

    /** An empty file input still sends a part without a name: that is "no file chosen", not an empty file. */
    public static Upload of(MultipartFile file) {
        if (file == null) {
            return null;
        }
        String name = file.getOriginalFilename();
        if (file.isEmpty() && (name == null || name.isBlank())) {
            return null;
        }
        return new Upload(name, file.getSize(), file::getBytes);
    }
}
