package org.lifeline.orchestrator.request;

import org.lifeline.orchestrator.PostgresDataLayerTest;

@PostgresDataLayerTest
class RequestRepositoriesOnPostgresTest extends RequestRepositoriesContract {}
