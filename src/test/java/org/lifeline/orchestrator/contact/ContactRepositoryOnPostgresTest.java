package org.lifeline.orchestrator.contact;

import org.lifeline.orchestrator.PostgresDataLayerTest;

@PostgresDataLayerTest
class ContactRepositoryOnPostgresTest extends ContactRepositoryContract {}
