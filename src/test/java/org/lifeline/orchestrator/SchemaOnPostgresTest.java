package org.lifeline.orchestrator;

@PostgresDataLayerTest
class SchemaOnPostgresTest extends SchemaContract {}
