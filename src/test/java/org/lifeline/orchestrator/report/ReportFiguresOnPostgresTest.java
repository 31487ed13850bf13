package org.lifeline.orchestrator.report;

import org.lifeline.orchestrator.PostgresDataLayerTest;

@PostgresDataLayerTest
class ReportFiguresOnPostgresTest extends ReportFiguresContract {}
