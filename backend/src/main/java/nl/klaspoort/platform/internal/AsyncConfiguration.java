package nl.klaspoort.platform.internal;

import java.util.concurrent.Executor;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Work after a request: {@code @ApplicationModuleListener}s run asynchronously once the publishing transaction has
 * committed, each on a virtual thread named {@code listener-N} (so a slow SMTP server never holds up a request, and
 * tests can tell that work from the request's own); {@code @Scheduled} jobs (the mail outbox's retry) run too.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
@EnableScheduling
class AsyncConfiguration implements AsyncConfigurer {

    @Override
    public Executor getAsyncExecutor() {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("listener-");
        executor.setVirtualThreads(true);
        return executor;
    }
}
