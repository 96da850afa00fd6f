package org.twinflow.city;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Registered cities and associations. */
@Transactional(readOnly = true)
public interface CityRepository extends Repository<City, Long> {

    @Transactional
    City save(City city);

    Optional<City> findById(Long id);

    List<City> findByNameAndCountryCode(String name, String countryCode);

    long count();
}
