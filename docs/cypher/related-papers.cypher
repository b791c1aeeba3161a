// The papers sharing the most topics with a paper, and which topics (the rarest first).
MATCH (paper:Paper {id: $paperId})-[:MENTIONS]->(topic:Topic)<-[:MENTIONS]-(other:Paper)
WITH other, topic
ORDER BY topic.df, topic.label
RETURN other.id AS id, other.title AS title, count(topic) AS shared,
       collect(topic.label) AS topics
ORDER BY shared DESC, id
LIMIT 10
