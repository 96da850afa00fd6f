package org.twinflow.city;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/** A local government (or an association of them) that applies for partnerships. */
public class City {

    @Id
    private Long id;
    private String name;
    /** ISO 3166-1 alpha-2, upper case. */
    private String countryCode;
    private String region;
    private LocalGovernmentType governmentType;
    private Long population;
    private String contactName;
    private String contactEmail;
    private String contactPhone;
    private String website;
    private Instant createdAt;
    private VerificationStatus verificationStatus = VerificationStatus.PENDING;
    private String verificationNote;
    private Instant verifiedAt;
    private String legalRepresentative;
    @Version
    private Integer version;

    protected City() {
    }

    public City(String name, String countryCode, String region, LocalGovernmentType governmentType, Long population,
            String contactName, String contactEmail, Instant createdAt) {
        this.name = name;
        this.countryCode = countryCode;
        this.region = region;
        this.governmentType = governmentType;
        this.population = population;
        this.contactName = contactName;
        this.contactEmail = contactEmail;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public String getCountryCode() { return countryCode; }
    public String getRegion() { return region; }
    public LocalGovernmentType getGovernmentType() { return governmentType; }
    public Long getPopulation() { return population; }
    public String getContactName() { return contactName; }
    public String getContactEmail() { return contactEmail; }
    public String getContactPhone() { return contactPhone; }
    public String getWebsite() { return website; }
    public Instant getCreatedAt() { return createdAt; }

    public VerificationStatus getVerificationStatus() { return verificationStatus; }
    public String getVerificationNote() { return verificationNote; }
    public Instant getVerifiedAt() { return verifiedAt; }
    public String getLegalRepresentative() { return legalRepresentative; }
    public boolean isVerified() { return verificationStatus == VerificationStatus.VERIFIED; }

    /** The secretariat's verification of a newly registered city. */
    public void recordVerification(boolean verified, String note, Instant now) {
        this.verificationStatus = verified ? VerificationStatus.VERIFIED : VerificationStatus.REJECTED;
        this.verificationNote = note;
        this.verifiedAt = now;
    }

    /** Cities created by the secretariat or the demo data need no verification. */
    public City verifiedBySecretariat(Instant now) {
        recordVerification(true, null, now);
        return this;
    }

    public void setLegalRepresentative(String legalRepresentative) { this.legalRepresentative = legalRepresentative; }
    public void setContactPhone(String contactPhone) { this.contactPhone = contactPhone; }
    public void setWebsite(String website) { this.website = website; }
}
