package org.twinflow.account;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.twinflow.city.LocalGovernmentType;
import org.twinflow.system.web.PageOrder;
import org.twinflow.system.web.SubmittedForm;

/** What a city officer enters to register the city and their own account. */
public class RegistrationForm extends SubmittedForm implements PageOrder {

    /** The fields as {@code templates/account/register.html} shows them; the error summary follows this order. */
    private static final List<String> PAGE_ORDER = List.of("firstName", "lastName", "email", "password", "passwordConfirmation",
            "cityName", "countryCode", "region", "governmentType", "population", "website", "legalRepresentative", "contactPhone");

    @NotBlank @Size(max = 100)
    private String firstName;
    @NotBlank @Size(max = 100)
    private String lastName;
    @NotBlank @Email @Size(max = 254)
    private String email;
    @NotBlank @Size(min = 12, max = 128)
    private String password;
    @NotBlank
    private String passwordConfirmation;

    @NotBlank @Size(max = 200)
    private String cityName;
    @NotBlank @Pattern(regexp = "[A-Z]{2}")
    private String countryCode;
    @Size(max = 200)
    private String region;
    @NotNull
    private LocalGovernmentType governmentType;
    @Min(1) @Max(100_000_000)
    private Long population;
    @Size(max = 500) @Pattern(regexp = "^$|https?://\\S+")
    private String website;
    @NotBlank @Size(max = 200)
    private String legalRepresentative;
    @Size(max = 50) @Pattern(regexp = "^$|[+0-9 ()./-]{5,50}")
    private String contactPhone;

    @Override
    public List<String> fieldsInPageOrder() {
        return PAGE_ORDER;
    }

    boolean passwordsMatch() {
        return password != null && password.equals(passwordConfirmation);
    }

    public String getFirstName() { return firstName; }
    public void setFirstName(String firstName) { this.firstName = firstName; }
    public String getLastName() { return lastName; }
    public void setLastName(String lastName) { this.lastName = lastName; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getPasswordConfirmation() { return passwordConfirmation; }
    public void setPasswordConfirmation(String passwordConfirmation) { this.passwordConfirmation = passwordConfirmation; }
    public String getCityName() { return cityName; }
    public void setCityName(String cityName) { this.cityName = cityName; }
    public String getCountryCode() { return countryCode; }
    public void setCountryCode(String countryCode) { this.countryCode = countryCode; }
    public String getRegion() { return region; }
    public void setRegion(String region) { this.region = region; }
    public LocalGovernmentType getGovernmentType() { return governmentType; }
    public void setGovernmentType(LocalGovernmentType governmentType) { this.governmentType = governmentType; }
    public Long getPopulation() { return population; }
    public void setPopulation(Long population) { this.population = population; }
    public String getWebsite() { return website; }
    public void setWebsite(String website) { this.website = website; }
    public String getLegalRepresentative() { return legalRepresentative; }
    public void setLegalRepresentative(String legalRepresentative) { this.legalRepresentative = legalRepresentative; }
    public String getContactPhone() { return contactPhone; }
    public void setContactPhone(String contactPhone) { this.contactPhone = contactPhone; }
}
