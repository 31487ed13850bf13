package org.lifeline.orchestrator.report;

import org.lifeline.orchestrator.PostgresDataLayerTest;

@PostgresDataLayerTest
class ReportBenchmarkOnPostgresTest extends ReportBenchmark {}
