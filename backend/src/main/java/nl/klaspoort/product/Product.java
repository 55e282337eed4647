package nl.klaspoort.product;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A learning product of the publisher. Cross-school: not tenant data. */
@Entity
@Table(name = "product")
public class Product {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "product_seq")
    @SequenceGenerator(name = "product_seq", sequenceName = "product_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, unique = true)
    private String code;

    @Column(nullable = false)
    private String name;

    private String description;

    @Column(name = "launch_url")
    private String launchUrl;

    @Column(name = "documentation_url")
    private String documentationUrl;

    private String icon;

    protected Product() {}

    public Long getId() { return id; }

    public String getCode() { return code; }

    public String getName() { return name; }

    public String getDescription() { return description; }

    public String getLaunchUrl() { return launchUrl; }

    public String getDocumentationUrl() { return documentationUrl; }

    public String getIcon() { return icon; }
}
