package org.twinflow.account;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Persistable;

/** Links a Camunda user (a city officer) to the city it acts for. */
public class CityAccount implements Persistable<String> {

    @Id
    private String userId;
    private Long cityId;
    private String email;
    private Instant createdAt;
    @org.springframework.data.annotation.Transient
    private boolean isNew;

    protected CityAccount() {
    }

    CityAccount(String userId, Long cityId, String email, Instant createdAt) {
        this.userId = userId;
        this.cityId = cityId;
        this.email = email;
        this.createdAt = createdAt;
        this.isNew = true;
    }

    @Override
    public String getId() { return userId; }
    @Override
    public boolean isNew() { return isNew; }
    public String getUserId() { return userId; }
    public Long getCityId() { return cityId; }
    public String getEmail() { return email; }
    public Instant getCreatedAt() { return createdAt; }
}
