-- AlterTable
ALTER TABLE "LoginAttempt" ALTER COLUMN "success" DROP NOT NULL;
