// The topics of one cluster of the map, most mentioned first.
MATCH (topic:Topic)-[:IN_CLUSTER]->(cluster:Cluster {id: $cluster})
RETURN cluster.label AS cluster, topic.label AS topic, topic.df AS papers
ORDER BY papers DESC, topic
LIMIT 50
