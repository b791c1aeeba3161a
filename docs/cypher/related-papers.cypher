// A paper's most similar papers by their whole texts, as its panel lists them, with the
// key terms both have (the rarest first) and the words their texts share that weigh most.
MATCH (paper:Paper {id: $paperId})-[similar:SIMILAR_TO]->(other:Paper)
RETURN other.id AS id, other.title AS title, round(similar.score, 3) AS score,
       COLLECT { MATCH (paper)-[mine:MENTIONS]->(topic:Topic)<-[theirs:MENTIONS]-(other)
                 WHERE mine.keyTerm AND theirs.keyTerm
                 RETURN topic.label ORDER BY topic.df, topic.label } AS topics,
       similar.phrases AS words
ORDER BY similar.rank
LIMIT 10
