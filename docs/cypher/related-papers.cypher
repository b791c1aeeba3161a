// The papers sharing the most topics with a paper, and which topics.
MATCH (paper:Paper {id: $paperId})-[:MENTIONS]->(topic:Topic)<-[:MENTIONS]-(other:Paper)
RETURN other.id AS id, other.title AS title, count(topic) AS shared,
       collect(topic.label) AS topics
ORDER BY shared DESC, id
LIMIT 10
