// The repositories behind a topic: code, data and models its papers link to.
MATCH (:Topic {id: $topicId})<-[:MENTIONS]-(paper:Paper)-[link:LINKS_TO]->(repo:Repository)
WITH repo, paper, link
ORDER BY link.status
RETURN repo.url AS repository, repo.kind AS kind, count(DISTINCT paper) AS papers,
       collect(DISTINCT link.status) AS status
ORDER BY papers DESC, repository
