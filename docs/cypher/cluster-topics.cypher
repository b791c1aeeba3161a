// The topics of one cluster of the map as the map weighs them (by the papers naming each a
// key term), with every paper mentioning each.
MATCH (t:Topic)-[:IN_CLUSTER]->(cluster:Cluster {id: $cluster})
RETURN cluster.label AS cluster, t.label AS topic, t.df AS papers
ORDER BY t.keyDf DESC, papers DESC, topic
LIMIT 50
