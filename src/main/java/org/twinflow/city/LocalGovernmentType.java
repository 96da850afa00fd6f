package org.twinflow.city;

/** What kind of public body a registered city account represents. */
public enum LocalGovernmentType {
    MUNICIPALITY,
    METROPOLITAN_GOVERNMENT,
    REGIONAL_GOVERNMENT,
    ASSOCIATION_OF_LOCAL_GOVERNMENTS,
    /** A public body that is not a local government (a utility, an agency): not eligible to apply. */
    OTHER_PUBLIC_BODY
}
