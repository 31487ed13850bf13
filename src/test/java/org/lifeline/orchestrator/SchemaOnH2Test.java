package org.lifeline.orchestrator;

@H2DataLayerTest
class SchemaOnH2Test extends SchemaContract {}
