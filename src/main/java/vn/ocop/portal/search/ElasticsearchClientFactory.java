package vn.ocop.portal.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransportBase;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

@Factory
class ElasticsearchClientFactory {

    @Singleton
    @Bean(preDestroy = "close")
    BlockingElasticsearchHttp elasticsearchHttp(ElasticsearchSettings settings) {
        return new BlockingElasticsearchHttp(settings);
    }

    /** The typed Java client over the blocking HTTP layer (its transport base needs nothing else). */
    @Singleton
    ElasticsearchClient elasticsearchClient(BlockingElasticsearchHttp http) {
        return new ElasticsearchClient(new ElasticsearchTransportBase(http, null, new JacksonJsonpMapper()) {});
    }
}
