package org.twinflow.account;

import java.util.Optional;

import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Which city a signed-in officer acts for. */
@Transactional(readOnly = true)
public interface CityAccountRepository extends Repository<CityAccount, String> {

    @Transactional
    CityAccount save(CityAccount account);

    Optional<CityAccount> findById(String userId);

    boolean existsByEmail(String email);
}
