package nl.klaspoort.mail.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The outbox's threads: {@code @ApplicationModuleListener}s run asynchronously (after the commit, on the application's
 * virtual-thread executor) and its retry is scheduled.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
@EnableScheduling
class MailConfiguration {}
