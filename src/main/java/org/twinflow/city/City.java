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

    public void setContactPhone(String contactPhone) { this.contactPhone = contactPhone; }
    public void setWebsite(String website) { this.website = website; }
}
