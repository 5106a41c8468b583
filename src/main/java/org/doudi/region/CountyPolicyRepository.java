package org.doudi.region;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CountyPolicyRepository extends JpaRepository<CountyPolicy, String> {
}
