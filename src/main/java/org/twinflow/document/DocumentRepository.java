package org.twinflow.document;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Stored PDFs. Lists never load the content. */
@Transactional(readOnly = true)
public interface DocumentRepository extends Repository<Document, Long> {

    @Transactional
    Document save(Document document);

    Optional<Document> findById(Long id);

    @Query("SELECT id, proposal_id, kind, file_name, size_bytes, uploaded_by, uploaded_at FROM document "
            + "WHERE proposal_id = :proposalId ORDER BY uploaded_at, id")
    List<DocumentInfo> findInfoByProposalId(Long proposalId);

    @Query("SELECT COALESCE(SUM(size_bytes), 0) FROM document WHERE proposal_id = :proposalId")
    long totalSizeOf(Long proposalId);
}
