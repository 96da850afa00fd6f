package org.twinflow.city;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Registered cities and associations. */
@Transactional(readOnly = true)
public interface CityRepository extends Repository<City, Long> {

    @Transactional
    City save(City city);

    Optional<City> findById(Long id);

    /** The city an officer's account acts for, in one query. */
    @Query("SELECT c.* FROM city c JOIN city_account a ON a.city_id = c.id WHERE a.user_id = :userId")
    Optional<City> findByOfficer(String userId);

    List<City> findByNameAndCountryCode(String name, String countryCode);

    long count();
}
