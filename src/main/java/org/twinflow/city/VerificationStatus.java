package org.twinflow.city;

/** Whether the secretariat has verified that a registered city account represents a real local government. */
public enum VerificationStatus {
    PENDING, VERIFIED, REJECTED
}
