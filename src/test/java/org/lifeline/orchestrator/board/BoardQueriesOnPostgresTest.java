package org.lifeline.orchestrator.board;

import org.lifeline.orchestrator.PostgresDataLayerTest;
import org.springframework.context.annotation.Import;

@PostgresDataLayerTest
@Import(BoardQueriesContract.Services.class)
class BoardQueriesOnPostgresTest extends BoardQueriesContract {}
