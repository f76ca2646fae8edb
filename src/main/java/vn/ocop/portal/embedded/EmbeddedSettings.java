package vn.ocop.portal.embedded;

/**
 * How the embedded services run.
 *
 * @param dataDir the folder that holds their data (kept across restarts unless {@code cleanData})
 * @param cleanData start from empty data (tests)
 * @param elasticsearchHome the unpacked Elasticsearch distribution, or null to look under target/elasticsearch
 */
record EmbeddedSettings(String dataDir, boolean cleanData, String elasticsearchHome) {}
