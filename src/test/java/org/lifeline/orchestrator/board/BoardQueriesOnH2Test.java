package org.lifeline.orchestrator.board;

import org.lifeline.orchestrator.H2DataLayerTest;
import org.springframework.context.annotation.Import;

@H2DataLayerTest
@Import(BoardQueriesContract.Services.class)
class BoardQueriesOnH2Test extends BoardQueriesContract {}
